/** "Producer · product · District, State": what a card and a search hit say of a listing under its title. */
export const byline = (parts: (string | null | undefined)[]) => parts.filter(Boolean).join(" · ");
