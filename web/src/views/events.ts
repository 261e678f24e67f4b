import type { View } from "../nav.js";
export const eventsView: View = (root) => {
  root.textContent = "todo";
};
