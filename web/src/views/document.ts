import type { View } from "../nav.js";
export const documentView: View = (root) => {
  root.textContent = "todo";
};
