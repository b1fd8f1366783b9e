/** Widget-facing endpoints (placeholder while being written). */
import { Hono } from 'hono';
import type { SandboxContext } from '../context.ts';
import { widgetFaults } from './testing.ts';

/** Routes mounted at `/widget`. */
export function widgetRoutes(ctx: SandboxContext): Hono {
  const app = new Hono();
  app.use('*', widgetFaults(ctx));
  return app;
}
