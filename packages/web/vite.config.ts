import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

/**
 * The web app. In development `vite` serves it on :5173 and forwards /api to the API server on :3000;
 * in production the server serves the built `dist/` and falls back to index.html for the app's own routes.
 */
export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { "/api": { target: "http://localhost:3000", changeOrigin: false } },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached across our releases.
        codeSplitting: {
          groups: [
            // The results charts' library and its dependencies: loaded with the first chart (a dynamic import), never
            // with the app, so they must not fall into the eagerly loaded vendor chunk.
            {
              name: "charts",
              priority: 2,
              // Only these packages: React itself stays in the react chunk.
              includeDependenciesRecursively: false,
              test: /node_modules[\\/](recharts|victory-vendor|d3-[^\\/]+|internmap|@reduxjs|redux|redux-thunk|react-redux|immer|reselect|decimal\.js-light|es-toolkit|eventemitter3|tiny-invariant|react-is)[\\/]/,
            },
            { name: "react", test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
            { name: "vendor", test: /node_modules[\\/]/ },
          ],
        },
      },
    },
  },
});
