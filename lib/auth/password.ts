import bcrypt from "bcryptjs";

/** bcrypt with cost 11: ~100–200 ms here, slow enough for offline guessing, fast enough to log in. */
const COST = 11;
// A real hash of a random string: comparing against it when the account does not exist takes the
// same time as a real check, so response time does not reveal which emails have accounts.
let dummyHash: Promise<string> | undefined;

export const PASSWORD_MIN_LENGTH = 8;

export function hashPassword(plain: string): Promise<string> {
  return bcrypt.hash(plain, COST);
}

export async function verifyPassword(plain: string, hash: string | null | undefined): Promise<boolean> {
  if (!hash) {
    dummyHash ??= bcrypt.hash(crypto.randomUUID(), COST);
    await bcrypt.compare(plain, await dummyHash);
    return false;
  }
  return bcrypt.compare(plain, hash);
}
