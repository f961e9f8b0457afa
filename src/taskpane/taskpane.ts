// Task pane entry: waits for Office, then renders the app in the user's Office display language.
import { renderApp } from "./app";
import css from "./taskpane.css";

const style = document.createElement("style");
style.textContent = css;
document.head.append(style);

Office.onReady(() => renderApp(document.getElementById("app")!, Office.context?.displayLanguage)).catch((e) =>
  console.error(e),
);
