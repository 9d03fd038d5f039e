/**
 * Progress for long commands (backup, restore): a bar on a terminal, plain lines otherwise (logs, cron, CI), both
 * on stderr so stdout keeps only the result.
 */
import cliProgress from "cli-progress";
import type { Progress, ProgressUnit } from "@jiaofu/server";
import { formatBytes, formatCount } from "./format";

/** At most one plain line per step in this interval, besides its first and last. */
const PLAIN_LINE_INTERVAL_MS = 5000;

export function createProgressReporter(stream: NodeJS.WriteStream = process.stderr): Progress {
  return stream.isTTY ? barProgress(stream) : lineProgress(stream);
}

function formatAmount(amount: number, unit: ProgressUnit): string {
  return unit === "bytes" ? formatBytes(amount) : `${formatCount(amount)} ${unit}`;
}

function barProgress(stream: NodeJS.WriteStream): Progress {
  let bar: cliProgress.SingleBar | undefined;
  let value = 0;
  let total = 0;
  let unit: ProgressUnit = "rows";
  const payload = () => ({ done: unit === "bytes" ? formatBytes(value) : formatCount(value), all: formatAmount(total, unit) });
  return {
    begin: (step, stepTotal, stepUnit) => {
      bar?.stop();
      value = 0;
      total = stepTotal;
      unit = stepUnit;
      bar = new cliProgress.SingleBar(
        { format: `${step.padEnd(20)} [{bar}] {percentage}% | {done}/{all}`, stream, hideCursor: true, barsize: 30 },
        cliProgress.Presets.shades_classic,
      );
      // A step with nothing to do still shows as complete.
      bar.start(Math.max(total, 1), total === 0 ? 1 : 0, payload());
    },
    advance: (amount) => {
      value += amount;
      bar?.update(Math.min(value, Math.max(total, 1)), payload());
    },
    end: () => {
      bar?.update(Math.max(total, 1), payload());
      bar?.stop();
      bar = undefined;
    },
    note: (message) => {
      stream.write(`${message}\n`);
    },
  };
}

function lineProgress(stream: NodeJS.WriteStream): Progress {
  let step = "";
  let value = 0;
  let total = 0;
  let unit: ProgressUnit = "rows";
  let lastLine = 0;
  return {
    begin: (name, stepTotal, stepUnit) => {
      step = name;
      value = 0;
      total = stepTotal;
      unit = stepUnit;
      lastLine = Date.now();
      stream.write(`${step}: ${formatAmount(total, unit)}\n`);
    },
    advance: (amount) => {
      value += amount;
      if (Date.now() - lastLine >= PLAIN_LINE_INTERVAL_MS && total > 0) {
        lastLine = Date.now();
        stream.write(`${step}: ${Math.floor((100 * Math.min(value, total)) / total)}% (${formatAmount(value, unit)} of ${formatAmount(total, unit)})\n`);
      }
    },
    end: () => {
      stream.write(`${step}: done\n`);
    },
    note: (message) => {
      stream.write(`${message}\n`);
    },
  };
}
