/** `jiaofu serve`: start the server, print where it runs (and the demo logins), stop cleanly on Ctrl-C or SIGTERM. */
import { describeStart, loadConfig, startServer } from "@jiaofu/server";

export async function serveApp(): Promise<number> {
  const config = loadConfig();
  const server = await startServer(config, "serve");
  console.log(describeStart(server.url, config.JIAOFU_DEMO));
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  console.log("Stopping…");
  await server.close();
  return 0;
}
