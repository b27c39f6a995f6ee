/**
 * A rename with no new name ("rename users.email") is still a rename: the plan proposes a name
 * and says to change it if another is wanted (survey.md).
 */
const EXPANSIONS: Record<string, string> = {
  email: "email_address", mail: "email_address", phone: "phone_number", tel: "phone_number", ip: "ip_address",
  addr: "address", qty: "quantity", amt: "amount", desc: "description", descr: "description", num: "number",
  no: "number", ts: "timestamp", dt: "date", msg: "message", pwd: "password", usr: "user", cnt: "count",
  name: "full_name", zip: "postal_code", dob: "date_of_birth",
};

export function proposeName(current: string): string {
  const parts = current.split("_");
  const last = parts.pop() ?? current;
  const expanded = EXPANSIONS[last.toLowerCase()];
  if (expanded) return [...parts, expanded].join("_");
  return `${current}_new`;
}
