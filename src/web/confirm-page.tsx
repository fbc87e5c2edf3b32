import type { Child } from "hono/jsx";
import { PostForm } from "./forms";
import { Layout, type PageContext } from "./layout";

/**
 * The page that asks before something is changed for good (withdrawing, removing, publishing): the question, the
 * form that does it, and a way back. A link never changes anything; only this page's button does.
 */
export function ConfirmPage(props: {
  ctx: PageContext;
  csrf: string;
  title: string;
  question: string;
  action: string;
  /** Hidden fields the command needs, such as the version the page was opened at. */
  hidden: Record<string, string>;
  confirm: string;
  cancel: { href: string; label: string };
  /** Anything the form also asks (a reason) and its messages, above the button. */
  children?: Child;
}) {
  return (
    <Layout ctx={props.ctx} title={props.title} description={props.question}>
      <h1>{props.title}</h1>
      <p>{props.question}</p>
      <PostForm action={props.action} csrf={props.csrf}>
        {Object.entries(props.hidden).map(([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ))}
        {props.children}
        <button type="submit">{props.confirm}</button> <a href={props.cancel.href}>{props.cancel.label}</a>
      </PostForm>
    </Layout>
  );
}
