// Runs once when the server starts (never during `next build`): validate the environment, migrate,
// create the first users, and in demo mode start the built-in eSputnik simulator. A failure here
// (e.g. production without SETTINGS_ENCRYPTION_KEY) stops the process: better no server than one
// that cannot protect its secrets.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    try {
      const { boot } = await import("./lib/boot/boot");
      await boot();
    } catch (err) {
      console.error("Sputnik Desk cannot start:", err instanceof Error ? err.message : err);
      process.exit(1);
    }
  }
}
