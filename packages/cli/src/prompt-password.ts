/** Reading a password from the terminal without echoing it. */
import { CliError } from "./cli-error";

/** Asks once, with the typed characters hidden. Only for a TTY stdin. */
function askHidden(question: string, input: NodeJS.ReadStream = process.stdin, output: NodeJS.WriteStream = process.stderr): Promise<string> {
  return new Promise((resolve, reject) => {
    let value = "";
    const finish = () => {
      input.off("data", onData);
      input.setRawMode(false);
      input.pause();
      output.write("\n");
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === "\r" || char === "\n" || char === "\u0004") {
          finish();
          resolve(value);
          return;
        }
        if (char === "\u0003") {
          finish();
          reject(new CliError("Cancelled."));
          return;
        }
        value = char === "\u007f" || char === "\b" ? value.slice(0, -1) : value + char;
      }
    };
    output.write(question);
    input.setEncoding("utf8");
    input.setRawMode(true);
    input.resume();
    input.on("data", onData);
  });
}

/** Asks for a new password twice; they must match. */
export async function promptNewPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    throw new CliError("No --password given and standard input is not a terminal: pass --password, or run the command in a terminal.");
  }
  const password = await askHidden("Password (at least 8 characters): ");
  const again = await askHidden("Repeat the password: ");
  if (password !== again) throw new CliError("The two passwords differ.");
  return password;
}
