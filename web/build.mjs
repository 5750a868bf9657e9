// Bundles web/src into the one file clinics load: web/dist/widget.js (socket.io-client included,
// nothing fetched from a CDN at run time). `npm run build`, or `make web` from the project root.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/widget.js'],
  outfile: 'dist/widget.js',
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: ['es2020', 'chrome90', 'safari15', 'firefox90'],
  minify: true,
  legalComments: 'eof',
  loader: { '.css': 'text' },
  banner: { js: '/* IVIG after-infusion helper chat widget. Source: web/src. */' },
  logLevel: 'info',
});
