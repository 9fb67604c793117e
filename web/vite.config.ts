// Builds the web UI into web/dist, which `cairn serve --web-dir web/dist` serves.
// `npm run dev` serves it with hot reload and sends /api to a local `cairn serve` on :8080.
import { defineConfig } from "vite";

export default defineConfig({
  build: { outDir: "dist", emptyOutDir: true, sourcemap: true },
  server: { proxy: { "/api": "http://127.0.0.1:8080" } },
});
