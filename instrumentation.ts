// Runs once when the server starts (never during `next build`): migrate, create the first users,
// and in demo mode start the built-in eSputnik simulator.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { boot } = await import("./lib/boot/boot");
    await boot();
  }
}
