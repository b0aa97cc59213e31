// Structured logs (pino, JSON lines on stdout). Variables, passwords and tokens are never logged: the request
// logger records ids, names and timings only, and the redaction below is a second line of defence.
import { readLogLevel } from '../config.js';
import { pino, type Logger } from 'pino';

export type { Logger };

export const REDACT_PATHS = [
  'password',
  'token',
  'authorization',
  'cookie',
  'variables',
  '*.password',
  '*.token',
  '*.secret',
  '*.authorization',
  '*.cookie',
  '*.variables',
  'headers.authorization',
  'headers.cookie',
];

export function createLogger(options: { level?: string; destination?: NodeJS.WritableStream } = {}): Logger {
  const level = options.level ?? readLogLevel();
  const config = { level, base: { service: 'foresight-atlas' }, redact: { paths: REDACT_PATHS, censor: '[redacted]' } };
  return options.destination ? pino(config, options.destination as any) : pino(config);
}
