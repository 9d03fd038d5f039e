/** Entry of the `jiaofu` CLI. */
import { loadConfig, ConfigError, startServer, describeStart, DataDirLockedError } from "@jiaofu/server";

export async function main(argv: string[]): Promise<number> {
  const [command] = argv;
  try {
    if (command === "serve") {
      const config = loadConfig();
      const server = await startServer(config);
      console.log(describeStart(server.url, config.JIAOFU_DEMO));
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
      });
      console.log("Stopping…");
      await server.close();
      return 0;
    }
    console.error(`Unknown command: ${command ?? ""}. Usage: jiaofu serve`);
    return 1;
  } catch (error) {
    if (error instanceof ConfigError || error instanceof DataDirLockedError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}
