declare module 'virtual:gandlf-demos' {
  const demos: { name: string; title: string; description: string; presets: string[] }[];
  export default demos;
}
