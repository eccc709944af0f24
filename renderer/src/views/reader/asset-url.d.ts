// Vite turns `?url` imports into the URL of the file in the build (used for the pdf.js worker).
declare module '*?url' {
  const url: string;
  export default url;
}
