/** Vite's `?raw` suffix: a file's text as a string. */
declare module "*?raw" {
  const text: string;
  export default text;
}

/** Style sheets imported for their side effect; the bundler injects them. */
declare module "*.css";
