export interface User {
  id: number;
  email: string;
  name: string;
  created_at: string;
}

export function displayName(user: User): string {
  return user.name.trim() || user.email;
}
