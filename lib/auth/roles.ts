export const ROLES = ["admin", "manager", "viewer"] as const;
export type Role = (typeof ROLES)[number];

/**
 * What each role may do. Permissions, not role names, are what actions ask for, so that a new
 * role or a change of policy happens here only.
 */
export const PERMISSIONS = {
  read: ["admin", "manager", "viewer"],
  /** Prepare and send mailings, edit contacts, groups and messages. */
  manage: ["admin", "manager"],
  /** Users and eSputnik settings. */
  administer: ["admin"],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
