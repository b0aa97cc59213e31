// Two HTTP guards in front of everything: the Host allowlist (stops DNS rebinding: a web page on another site whose
// name is made to resolve to 127.0.0.1 sends its own name as Host, and is refused), and the security headers (helmet).
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import { requestIdOf } from '../request/request-id.js';

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];
const LOOPBACK_ADDRESSES = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

export function isLoopback(host: string): boolean {
  return LOOPBACK_ADDRESSES.has(host) || host.startsWith('127.');
}

/**
 * The Host header values accepted, lower-case, each "name" (any port) or "name:port". Given: as configured
 * (ATLAS_ALLOWED_HOSTS). Not given: on loopback, the loopback names with the port actually listened on; on any other
 * address, null (no check): the names clients use behind a proxy or DNS are not known here, and the operator should
 * set ATLAS_ALLOWED_HOSTS (the server logs a reminder).
 */
export function allowedHostsFor(configured: readonly string[] | null | undefined, listenHost: string, port: number): string[] | null {
  if (configured && configured.length > 0) return configured.map((h) => h.trim().toLowerCase()).filter(Boolean);
  if (!isLoopback(listenHost)) return null;
  return LOOPBACK_NAMES.map((name) => `${name}:${port}`);
}

export function hostAllowed(header: string | undefined, allowed: readonly string[]): boolean {
  if (!header) return false;
  const host = header.trim().toLowerCase();
  const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0]!;
  return allowed.includes(host) || allowed.includes(name);
}

/**
 * Refuses a request whose Host is not allowed with 421 Misdirected Request. `allowed()` is read per request because the
 * port is known only once the server listens. /health and /ready stay open: probes use whatever address they like.
 */
export function hostAllowlist(allowed: () => readonly string[] | null): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const list = allowed();
    if (!list || req.path === '/health' || req.path === '/ready' || hostAllowed(req.headers.host, list)) return next();
    const requestId = requestIdOf(req.headers['x-request-id']) ?? randomUUID();
    res.status(421).json({
      errors: [
        {
          message:
            `This server does not answer to the host "${String(req.headers.host ?? '').slice(0, 100)}". Open it by an allowed name ` +
            `(${list.join(', ')}), or add the name to ATLAS_ALLOWED_HOSTS.`,
          extensions: { code: 'MISDIRECTED_REQUEST', requestId },
        },
      ],
    });
  };
}

/**
 * Security headers. The CSP allows only this origin's scripts, styles, images and fetches; inline style attributes
 * are allowed because Svelte's template markup and Cytoscape's container set them (no script may be inline).
 * No upgrade-insecure-requests: the app is often served over plain http on a LAN address, where it would break assets.
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        objectSrc: ["'none'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // Served over plain http on loopback; HSTS belongs on the TLS proxy in front of a shared deployment.
    strictTransportSecurity: false,
  });
}
