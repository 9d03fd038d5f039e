export type AvatarProps = { name: string };

/** The first letter (or character, for Chinese names) of a person's name in a circle. */
export function Avatar({ name }: AvatarProps) {
  const initial = Array.from(name.trim())[0] ?? "?";
  return (
    <span className="avatar" aria-hidden="true">
      {initial}
    </span>
  );
}
