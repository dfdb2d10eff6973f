declare module 'virtual:gandlf-demos' {
  import type { Picture } from '../scripts/demos.mjs';
  const demos: { name: string; title: string; description: string; presets: string[]; picture?: Picture }[];
  export default demos;
}
