import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import nodemailer, { type Transporter } from "nodemailer";
import type { Executor } from "../db/index.js";
import type { AppContext } from "./context.js";
import { deleteJobs, enqueueJob, type JobRunner } from "./jobs.js";

export type MailMessage = {
  to: string;
  /** Where an answer goes when it should not go to MAIL_FROM (e.g. the person who wrote in). */
  replyTo?: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: { filename: string; content: string; contentType: string }[];
};

export const MAIL_JOB = "mail.send";

/** Queues a mail in the caller's transaction; the job runner sends it after commit. */
export async function enqueueMail(exec: Executor, message: MailMessage, uniqueKey?: string): Promise<void> {
  await enqueueJob(exec, { kind: MAIL_JOB, payload: message, uniqueKey });
}

/**
 * Deletes mails by the unique keys they were queued with, sent or not: a sent mail's job row keeps
 * address and text, so the retention job removes it together with the data it was written from.
 */
export async function deleteMails(exec: Executor, uniqueKeys: readonly string[]): Promise<number> {
  return deleteJobs(exec, MAIL_JOB, uniqueKeys);
}

export const outboxDir = (dataDir: string) => join(dataDir, "outbox");

/**
 * With SMTP_URL, mails go out over SMTP. Without it (demo / office install), each mail is
 * written as an .eml file to DATA_DIR/outbox and listed on the dev outbox page.
 */
export function registerMailJob(runner: JobRunner, ctx: AppContext): void {
  const send = mailSender(ctx);
  runner.register(MAIL_JOB, async (payload) => send(payload as MailMessage));
}

export type SendMail = (message: MailMessage) => Promise<void>;
const senders = new WeakMap<AppContext, SendMail>();

/**
 * Sends one mail now (SMTP, or the demo outbox); throws when the server refuses or is away. For
 * job handlers only — a use case queues its mail (`enqueueMail`, or a job of its own that renders
 * the mail when it runs). One transport per application.
 */
export function mailSender(ctx: AppContext): SendMail {
  let send = senders.get(ctx);
  if (send) return send;
  const transport: Transporter = ctx.config.smtpUrl
    ? nodemailer.createTransport(ctx.config.smtpUrl)
    : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  // The outbox directory is made when a write finds it missing, not before every mail.
  send = async (message) => {
    const info = await transport.sendMail({ from: ctx.config.mailFrom, ...message });
    if (!ctx.config.smtpUrl) {
      const dir = outboxDir(ctx.config.dataDir);
      const name = `${new Date().toISOString().replace(/[:.]/g, "-")}-${Math.random().toString(36).slice(2, 8)}.eml`;
      const eml = (info as unknown as { message: Buffer }).message;
      await writeFile(join(dir, name), eml).catch(async (error: NodeJS.ErrnoException) => {
        if (error.code !== "ENOENT") throw error;
        await mkdir(dir, { recursive: true });
        await writeFile(join(dir, name), eml);
      });
    }
  };
  senders.set(ctx, send);
  return send;
}

export type OutboxEntry = { file: string; to: string; subject: string; date: string; body: string };

/** Reads the demo outbox, newest first (dev page only). */
export async function readOutbox(dataDir: string, limit = 50): Promise<OutboxEntry[]> {
  const dir = outboxDir(dataDir);
  const files = (await readdir(dir).catch(() => [] as string[]))
    .filter((f) => f.endsWith(".eml"))
    .sort()
    .reverse()
    .slice(0, limit);
  return Promise.all(
    files.map(async (file) => {
      const raw = await readFile(join(dir, file), "utf8");
      const [head = "", ...rest] = raw.split("\n\n");
      const header = (name: string) => head.match(new RegExp(`^${name}: (.*)$`, "mi"))?.[1] ?? "";
      return { file, to: header("To"), subject: decodeMimeWords(header("Subject")), date: header("Date"), body: rest.join("\n\n") };
    }),
  );
}

function decodeMimeWords(value: string): string {
  return value.replace(/=\?utf-8\?([BQ])\?([^?]*)\?=/gi, (_, enc: string, text: string) =>
    enc.toUpperCase() === "B"
      ? Buffer.from(text, "base64").toString("utf8")
      : Buffer.from(
          text.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
          "latin1",
        ).toString("utf8"),
  );
}
