// Task pane entry: waits for Office, then renders the app in the user's Office display language
// and Office's theme. Until Office answers, the browser's language picks the loading text.
import { renderApp } from "./app";
import { languageOf, strings } from "./strings";
import css from "./taskpane.css";

const style = document.createElement("style");
style.textContent = css;
document.head.append(style);
const loading = document.getElementById("loading");
if (loading) loading.textContent = strings[languageOf(navigator.language)].loading;

Office.onReady(() =>
  renderApp(
    document.getElementById("app")!,
    Office.context?.displayLanguage,
    Office.context?.officeTheme,
    Office.context?.contentLanguage,
  ),
).catch((e) => console.error(e));
