/**
 * How a button's value or a form's id is spelt: named parts joined by ':', each a
 * record id or one word from a fixed list. Reading is strict: a button outlives the
 * release that posted it, and anyone can forge a click, so only what `write` could
 * have written is read back.
 */

/** One part of a value; `read` gives undefined for text `String(value)` would never produce. */
export interface Part<T extends string | number> {
  read(text: string): T | undefined;
}

/** A record id: a positive whole number, spelt as `String(id)` spells it (no sign, no leading zero). */
export const recordId: Part<number> = {
  read(text) {
    if (!/^[1-9]\d{0,15}$/.test(text)) return undefined;
    const n = Number(text);
    return Number.isSafeInteger(n) ? n : undefined;
  },
};

/** A position counted from zero (a stage of a run-sheet), spelt as `String(n)` spells it. */
export const position: Part<number> = {
  read(text) {
    if (!/^(0|[1-9]\d{0,3})$/.test(text)) return undefined;
    return Number(text);
  },
};

/** One word from a fixed list, exactly as written. */
export const oneOf = <const W extends readonly string[]>(words: W): Part<W[number]> => ({
  read: (text) => words.find((w) => w === text),
});

/** The parts of one kind of value, by name; they are written in the order named here. */
export type Layout = Readonly<Record<string, Part<string | number>>>;

/** Every kind of a button or form, each with its layout. */
export type Catalogue = Readonly<Record<string, Layout>>;

type Fields<L extends Layout> = { readonly [N in keyof L]: L[N] extends Part<infer T> ? T : never };

/** One interaction of a catalogue, typed: its kind and the parts that kind carries. */
export type Interaction<C extends Catalogue, K extends keyof C = keyof C> = K extends keyof C ? { readonly kind: K } & Fields<C[K]> : never;

const SEPARATOR = ':';

/** The parts of `interaction` as text, joined; a part that could not be read back is a bug, so it throws. */
export function writeParts(catalogue: Catalogue, interaction: { readonly kind: string }): string {
  const layout = catalogue[interaction.kind]!;
  const fields = interaction as unknown as Readonly<Record<string, string | number>>;
  return Object.entries(layout)
    .map(([name, part]) => {
      const text = String(fields[name]);
      if (text.includes(SEPARATOR) || part.read(text) === undefined) throw new Error(`${interaction.kind}: ${name} "${text}" would not be read back`);
      return text;
    })
    .join(SEPARATOR);
}

/** The interaction of `kind` spelt by `text`, or undefined when the kind is unknown or the text is not exactly its parts. */
export function readParts<C extends Catalogue>(catalogue: C, kind: string, text: string): Interaction<C> | undefined {
  // hasOwn: a forged kind such as "toString" or "__proto__" must not find a layout.
  if (!Object.hasOwn(catalogue, kind)) return undefined;
  const layout = Object.entries(catalogue[kind]!);
  const parts = text === '' ? [] : text.split(SEPARATOR);
  if (parts.length !== layout.length) return undefined;
  const fields: Record<string, string | number> = {};
  for (const [i, [name, part]] of layout.entries()) {
    const value = part.read(parts[i]!);
    if (value === undefined) return undefined;
    fields[name] = value;
  }
  return { kind, ...fields } as unknown as Interaction<C>;
}
