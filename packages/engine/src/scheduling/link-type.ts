/**
 * The four dependency types of a link `from p → to s`, as names and as the small integer codes the typed-array
 * core stores (one byte per link).
 */

/**
 * The name of a link type. FS: s starts after p finishes; SS: s starts after p starts; FF: s finishes after p
 * finishes; SF: s finishes after p starts (each shifted by the link's lag).
 *
 * @example
 * const type: LinkType = "FS"; // FS+2: B starts 2 working days after A finishes
 */
export type LinkType = "FS" | "SS" | "FF" | "SF";

/** The link types in code order: `LINK_TYPES[code]` is the name of `code`. */
export const LINK_TYPES: readonly LinkType[] = ["FS", "SS", "FF", "SF"];

/**
 * The code of each link type. Bit 0 clear (FS, FF): the constraint is on the predecessor's finish; bit 1 set
 * (FF, SF): the constraint is on the successor's finish. The core relies on this layout.
 *
 * @example
 * LINK_TYPE_CODES.FF; // 2: predecessor's finish (bit 0 clear), successor's finish (bit 1 set)
 */
export const LINK_TYPE_CODES = { FS: 0, SS: 1, FF: 2, SF: 3 } as const;

/** A link type as stored in `ScheduleInput.linkTypes`: 0 FS, 1 SS, 2 FF, 3 SF. */
export type LinkTypeCode = (typeof LINK_TYPE_CODES)[LinkType];

/**
 * The code of a link type name, or `undefined` for anything that is not exactly "FS", "SS", "FF" or "SF".
 *
 * @example
 * linkTypeFromName("SF"); // 3
 * linkTypeFromName("fs"); // undefined: names are upper case
 */
export function linkTypeFromName(name: unknown): LinkTypeCode | undefined {
  switch (name) {
    case "FS":
      return 0;
    case "SS":
      return 1;
    case "FF":
      return 2;
    case "SF":
      return 3;
    default:
      return undefined;
  }
}
