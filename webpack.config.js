/**
 * Web build of the OnePlan task pane (Excel add-in and plain-browser mode).
 *
 *   npm run build:web     → dist/web (production, minified, code-split; scripts/build-web.js)
 *   npm start             → http://localhost:3000 (browser mode, no Office needed)
 *   npm run start:excel   → https://localhost:3000 with office-addin-dev-certs (HTTPS=1), for sideloading
 *   ADDIN_BASE_URL=https://host/path/ npm run package
 *                         → dist/release/<host>/ and its zip, the manifest pointing there (scripts/package.js)
 *
 * The initial chunk holds React, Fluent UI and the pane shell only; the xlsx reader (also in a Web
 * Worker), the validator, the report writer and the calendar/consolidate panels load on demand.
 * No CDN, no web fonts, no telemetry: the only external script is Office.js from appsforoffice.
 */
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { deploymentFromEnv, manifestFor } = require('./scripts/manifest');

const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

function csp(dev, office = true) {
  return [
    "default-src 'self'",
    office ? "script-src 'self' https://appsforoffice.microsoft.com" : "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    dev ? "connect-src 'self' ws://localhost:* wss://localhost:*" : "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
  ].join('; ');
}

/** Ends `npm start` with a clear message, not webpack-dev-server's stack trace, when the port is taken. */
async function requireFreePort(port) {
  const net = require('node:net');
  const free = await new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', (e) => resolve(e.code !== 'EADDRINUSE'));
    probe.once('listening', () => probe.close(() => resolve(true)));
    probe.listen(port, 'localhost');
  });
  if (free) return;
  const next = port + 1;
  console.error(
    `\nพอร์ต ${port} ถูกใช้อยู่ (อาจเปิด npm start ไว้แล้ว): ปิดโปรแกรมนั้น หรือใช้พอร์ตอื่น เช่น PORT=${next} npm start\n` +
      `Port ${port} is already in use (another npm start?): stop it, or pick another port, e.g. PORT=${next} npm start\n` +
      `(Excel loads the add-in from the port in manifest.xml, 3000: free that port for sideloading.)\n`,
  );
  process.exit(1);
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode !== 'production';
  const https = process.env.HTTPS === '1' || env.https === true || env.https === 'true';
  const port = Number(process.env.PORT || 3000);
  if (env.WEBPACK_SERVE) await requireFreePort(port);
  // A deployment's manifest (ADDIN_BASE_URL) is written only by `npm run package`, into its own folder:
  // dist/web always holds the developer's, so no build or test run replaces a production manifest.
  const deployment = deploymentFromEnv(process.env, require('./package.json').version);
  if (deployment && !env.release && !env.WEBPACK_SERVE)
    throw new Error(
      'ตั้ง ADDIN_BASE_URL ไว้: สร้างชุดติดตั้งด้วย npm run package (ไม่ใช่ npm run build)\n' +
        'ADDIN_BASE_URL is set: build a deployment with npm run package (not npm run build or webpack)',
    );
  if (deployment && env.release)
    console.log(`OnePlan manifest for ${deployment.baseUrl} (Id ${deployment.id}, version ${deployment.version})`);

  let server = { type: 'http' };
  if (https) {
    const devCerts = require('office-addin-dev-certs');
    server = { type: 'https', options: await devCerts.getHttpsServerOptions() };
  }

  return {
    mode: dev ? 'development' : 'production',
    // No eval-based source maps: the page's CSP has no 'unsafe-eval'.
    devtool: dev ? 'source-map' : false,
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
    },
    output: {
      path: env.out ? path.resolve(env.out) : path.resolve(__dirname, 'dist/web'),
      filename: dev ? '[name].js' : '[name].[contenthash:8].js',
      chunkFilename: dev ? '[name].chunk.js' : '[name].[contenthash:8].chunk.js',
      publicPath: 'auto',
      clean: true,
    },
    resolve: {
      extensions: ['.tsx', '.ts', '.js'],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              configFile: path.resolve(__dirname, 'tsconfig.json'),
              // `npm run typecheck` type-checks; the bundle only transpiles (fast, and stubs still build).
              transpileOnly: true,
              compilerOptions: { noEmit: false, sourceMap: dev },
            },
          },
        },
      ],
    },
    optimization: {
      minimize: !dev,
      splitChunks: {
        chunks: 'async',
      },
    },
    performance: {
      hints: dev ? false : 'warning',
      maxEntrypointSize: 900 * 1024,
      maxAssetSize: 900 * 1024,
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        scriptLoading: 'defer',
        templateParameters: { csp: csp(dev), officeJs: OFFICE_JS },
      }),
      // The same pane for a plain browser (npm start): no Office.js, so no request leaves localhost.
      new HtmlWebpackPlugin({
        filename: 'index.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        scriptLoading: 'defer',
        templateParameters: { csp: csp(dev, false), officeJs: '' },
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/commands/commands.html',
        chunks: ['commands'],
        scriptLoading: 'defer',
        templateParameters: { csp: csp(dev), officeJs: OFFICE_JS },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets', globOptions: { ignore: ['**/.DS_Store'] } },
          // Not bundled: it must stay ES5 to run where the bundle cannot.
          { from: 'src/taskpane/needs-newer-office.js', to: 'needs-newer-office.js' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            ...(deployment && env.release ? { transform: (content) => manifestFor(content.toString('utf8'), deployment) } : {}),
          },
        ],
      }),
    ],
    devServer: {
      port,
      host: 'localhost',
      server,
      static: false,
      hot: false,
      liveReload: true,
      open: false,
      headers: { 'Access-Control-Allow-Origin': '*' },
      historyApiFallback: { index: '/index.html' },
      client: { overlay: { errors: true, warnings: false }, logging: 'warn' },
    },
  };
};
