// Serves dist/ on http://127.0.0.1:8080 (PORT to change it) as a plain static host would: every route is a
// real file, brotli copies are used, unknown paths get 404.html. Used by scripts/serve.sh.
import { serve } from '../tests/e2e/static.mjs';

const server = await serve(Number(process.env.PORT || 8080));
console.log(`健康扶贫政策通: ${server.base}/  (Ctrl+C to stop)`);
