import type { Child } from "hono/jsx";
import { ErrorSummary, type FieldErrors, PostForm } from "./forms";
import { Layout, type PageContext } from "./layout";
import { Notice } from "./notice";

/**
 * A page whose work is one form: title, intro, what went wrong (one message for the whole form under `_form`, then
 * the list of fields, each a link to it), the form with its CSRF token, and what follows it.
 */
export function FormPage(props: {
  ctx: PageContext;
  title: string;
  intro?: string;
  errors: FieldErrors;
  /** The form's fields and their labels: the error list names them and links to them. */
  labels: Record<string, string>;
  action: string;
  csrf: string;
  submit: string;
  before?: Child;
  children: Child;
  after?: Child;
}) {
  const fieldErrors = Object.fromEntries(Object.entries(props.errors).filter(([k]) => k in props.labels));
  return (
    <Layout ctx={props.ctx} title={props.title} description={props.intro ?? props.title}>
      <h1>{props.title}</h1>
      {props.before}
      {props.errors._form && <Notice kind="error">{props.errors._form}</Notice>}
      {props.intro && <p>{props.intro}</p>}
      <ErrorSummary lang={props.ctx.lang} errors={fieldErrors} labels={props.labels} />
      <PostForm action={props.action} csrf={props.csrf}>
        {props.children}
        <button type="submit">{props.submit}</button>
      </PostForm>
      {props.after}
    </Layout>
  );
}
