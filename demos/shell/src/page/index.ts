// The page half of the demo shell: a demo's main.ts calls mountDemo.
import './style.css';

export { mountDemo } from './app';
export type { DemoPage, MountDemoOptions } from './app';
export type { PageHandle, PageTool } from './tool';
export type { PanelFrame } from './overlays';
export { fnv1a } from '../hash';
