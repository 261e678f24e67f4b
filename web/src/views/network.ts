import type { View } from "../nav.js";
export const networkView: View = (root) => {
  root.textContent = "todo";
};
