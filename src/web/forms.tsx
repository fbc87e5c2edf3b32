import type { z } from "zod";
import { csrfField } from "./csrf";
import { defineCatalogue, type Lang } from "./i18n";

/** Messages for the ways any field can be wrong; a module adds its own keys (a GSTIN's check character, …). */
export const formText = defineCatalogue(
  {
    required: "Enter this field",
    tooShort: "Enter at least {n} characters",
    tooLong: "Enter at most {n} characters",
    email: "Enter an email address like name@example.com",
    choice: "Choose one of the options",
    number: "Enter a whole number",
    unstorable: "Remove the invisible control character (such as NUL) from this field",
    summaryTitle: "There is a problem",
    summaryIntro: "Nothing was saved. Correct the fields below; what you entered is kept.",
    optional: "(optional)",
  },
  {
    required: "यह फ़ील्ड भरें",
    tooShort: "कम से कम {n} अक्षर लिखें",
    tooLong: "अधिकतम {n} अक्षर लिखें",
    email: "ईमेल पता name@example.com जैसा लिखें",
    choice: "विकल्पों में से एक चुनें",
    number: "पूर्ण संख्या लिखें",
    unstorable: "इस फ़ील्ड से अदृश्य नियंत्रण अक्षर (जैसे NUL) हटाएँ",
    summaryTitle: "कुछ समस्या है",
    summaryIntro: "कुछ भी सहेजा नहीं गया। नीचे के फ़ील्ड ठीक करें; आपने जो लिखा है वह बना हुआ है।",
    optional: "(वैकल्पिक)",
  },
);

export type FieldErrors = Record<string, string>;
/** Form values as entered, kept so that a page shown again after an error loses nothing. */
export type FormValues = Record<string, string>;

/**
 * The zod issues of a form as one message per field in the reader's language. A schema's own messages are keys:
 * `moduleText` turns them into words (a key it does not know is shown as it is).
 */
export function fieldErrors(
  error: z.ZodError,
  lang: Lang,
  moduleText?: (key: string) => string | undefined,
): FieldErrors {
  const t = formText(lang);
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "_form");
    if (out[field]) continue;
    out[field] = messageOf(issue, t, moduleText);
  }
  return out;
}

function messageOf(
  issue: z.core.$ZodIssue,
  t: ReturnType<typeof formText>,
  moduleText?: (key: string) => string | undefined,
): string {
  // A schema's own message key wins over the generic wording of its kind ("enter at least one agenda item").
  const own = moduleText?.(issue.message);
  if (own) return own;
  switch (issue.code) {
    case "invalid_type":
      return issue.expected === "number" || issue.expected === "int" ? t("number") : t("required");
    case "too_small":
      return Number(issue.minimum) <= 1 ? t("required") : t("tooShort", { n: Number(issue.minimum) });
    case "too_big":
      return t("tooLong", { n: Number(issue.maximum) });
    case "invalid_format":
      return issue.format === "email" ? t("email") : (moduleText?.(issue.message) ?? issue.message);
    case "invalid_value":
      return t("choice");
    default:
      return moduleText?.(issue.message) ?? issue.message;
  }
}

/** The form's fields from a urlencoded body, trimmed; repeated fields keep their last value. */
export function formValues(body: Record<string, unknown>): FormValues {
  const out: FormValues = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === "string" && k !== csrfField) out[k] = v.trim();
  return out;
}

/** Control characters other than tab and line breaks: nobody types them, and NUL cannot be stored at all. */
const isControl = (ch: string) => {
  const code = ch.charCodeAt(0);
  return code < 32 && code !== 9 && code !== 10 && code !== 13;
};
const hasControl = (text: string) => [...text].some(isControl);
const withoutControl = (text: string) => [...text].filter((ch) => !isControl(ch)).join("");

/** Parses a posted form with its schema: the data, or the values as entered with one message per field. */
export async function parseForm<S extends z.ZodType>(
  c: { req: { parseBody(): Promise<Record<string, unknown>> } },
  schema: S,
  lang: Lang,
  moduleText?: (key: string) => string | undefined,
): Promise<
  { ok: true; data: z.infer<S>; values: FormValues } | { ok: false; values: FormValues; errors: FieldErrors }
> {
  const values = formValues(await c.req.parseBody());
  // PostgreSQL cannot store NUL (and no person types control characters): named per field, before the schema.
  const unstorable = Object.keys(values).filter((k) => hasControl(values[k] ?? ""));
  if (unstorable.length) {
    const t = formText(lang);
    for (const k of unstorable) values[k] = withoutControl(values[k] ?? "");
    return { ok: false, values, errors: Object.fromEntries(unstorable.map((k) => [k, t("unstorable")])) };
  }
  // A field left empty is a field not given: optional ones stay undefined, required ones say "enter this field".
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(values).filter(([, v]) => v !== "")));
  if (parsed.success) return { ok: true, data: parsed.data, values };
  return { ok: false, values, errors: fieldErrors(parsed.error, lang, moduleText) };
}

/** The list of problems at the top of a form, each a link to its field (GOV.UK pattern; read first by screen readers). */
export function ErrorSummary(props: { lang: Lang; errors: FieldErrors; labels: Record<string, string> }) {
  const entries = Object.entries(props.errors);
  if (entries.length === 0) return null;
  const t = formText(props.lang);
  return (
    <div class="error-summary" role="alert" tabindex={-1} id="error-summary">
      <h2>{t("summaryTitle")}</h2>
      <p>{t("summaryIntro")}</p>
      <ul>
        {entries.map(([field, message]) => (
          <li>
            <a href={`#f-${field}`}>
              {props.labels[field] ? `${props.labels[field]}: ` : ""}
              {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

type FieldProps = {
  name: string;
  label: string;
  values: FormValues;
  errors: FieldErrors;
  hint?: string;
  lang: Lang;
  /** true: marked "(optional)"; "conditional": needed in some cases only (the hint says which), so not marked. */
  optional?: boolean | "conditional";
};

/** Label, hint, error and control, tied together by ids so that assistive technology reads them in order. */
function FieldShell(props: FieldProps & { children: unknown }) {
  const error = props.errors[props.name];
  return (
    <div class={error ? "field has-error" : "field"}>
      <label for={`f-${props.name}`}>
        {props.label}
        {props.optional === true && <span class="muted"> {formText(props.lang)("optional")}</span>}
      </label>
      {props.hint && (
        <p class="hint" id={`h-${props.name}`}>
          {props.hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={`e-${props.name}`}>
          {error}
        </p>
      )}
      {props.children}
    </div>
  );
}

const describedBy = (p: FieldProps) =>
  [p.hint ? `h-${p.name}` : "", p.errors[p.name] ? `e-${p.name}` : ""].filter(Boolean).join(" ") || undefined;

export function TextField(
  props: FieldProps & {
    type?: "text" | "email" | "password" | "tel" | "date" | "time";
    autocomplete?: string;
    maxLength?: number;
    /** The keyboard a phone shows: digits for amounts and days, with the text still checked by the server. */
    inputmode?: "decimal" | "numeric";
  },
) {
  return (
    <FieldShell {...props}>
      <input
        id={`f-${props.name}`}
        name={props.name}
        type={props.type ?? "text"}
        value={props.type === "password" ? "" : (props.values[props.name] ?? "")}
        autocomplete={props.autocomplete}
        inputmode={props.inputmode}
        maxlength={props.maxLength}
        required={!props.optional}
        aria-invalid={props.errors[props.name] ? "true" : undefined}
        aria-describedby={describedBy(props)}
      />
    </FieldShell>
  );
}

export function TextArea(props: FieldProps & { maxLength?: number }) {
  return (
    <FieldShell {...props}>
      <textarea
        id={`f-${props.name}`}
        name={props.name}
        rows={4}
        maxlength={props.maxLength}
        required={!props.optional}
        aria-invalid={props.errors[props.name] ? "true" : undefined}
        aria-describedby={describedBy(props)}
      >
        {props.values[props.name] ?? ""}
      </textarea>
    </FieldShell>
  );
}

export function SelectField(
  props: FieldProps & { options: { value: string; label: string }[]; blank?: string },
) {
  const current = props.values[props.name] ?? "";
  return (
    <FieldShell {...props}>
      <select
        id={`f-${props.name}`}
        name={props.name}
        required={!props.optional}
        aria-invalid={props.errors[props.name] ? "true" : undefined}
        aria-describedby={describedBy(props)}
      >
        {props.blank !== undefined && <option value="">{props.blank}</option>}
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === current}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/** A checkbox with its label after it; ticked when the form's value is "on" (what a browser sends). */
export function CheckboxField(props: Omit<FieldProps, "optional">) {
  const error = props.errors[props.name];
  return (
    <div class={error ? "field check has-error" : "field check"}>
      <input
        id={`f-${props.name}`}
        name={props.name}
        type="checkbox"
        checked={props.values[props.name] === "on"}
        aria-describedby={describedBy({ ...props, optional: true })}
      />{" "}
      <label for={`f-${props.name}`}>{props.label}</label>
      {props.hint && (
        <p class="hint" id={`h-${props.name}`}>
          {props.hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={`e-${props.name}`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** A POST form with its CSRF token. `novalidate`: the server's messages, in the page's language, are the ones shown. */
export function PostForm(props: { action: string; csrf: string; children: unknown; class?: string }) {
  return (
    <form method="post" action={props.action} novalidate class={props.class ?? "form"}>
      <input type="hidden" name={csrfField} value={props.csrf} />
      {props.children}
    </form>
  );
}

/** A form that sends a file (multipart) with its CSRF token; the server checks what it gets. */
export function UploadForm(props: { action: string; csrf: string; children: unknown }) {
  return (
    <form method="post" action={props.action} enctype="multipart/form-data" novalidate class="form">
      <input type="hidden" name={csrfField} value={props.csrf} />
      {props.children}
    </form>
  );
}

/** A file input with its label, hint and error, tied together like the other fields. */
export function FileField(props: Omit<FieldProps, "values"> & { accept: string }) {
  return (
    <FieldShell {...props} values={{}}>
      <input
        id={`f-${props.name}`}
        name={props.name}
        type="file"
        accept={props.accept}
        required={!props.optional}
        aria-invalid={props.errors[props.name] ? "true" : undefined}
        aria-describedby={describedBy({ ...props, values: {} })}
      />
    </FieldShell>
  );
}
