// Loaded with --require into a trainer process: prints the process's peak resident set as it
// exits. Plain JS, since the wasm backend's pthread workers inherit the flag without tsx.
process.on('exit', () => {
  process.stderr.write(`tensorlens-peak-rss-kb ${process.resourceUsage().maxRSS}\n`);
});
