import { describe, expect, it } from 'vitest';
import { SOFTWARE_DEVICE, softwareAdapter } from './probe';

describe('softwareAdapter', () => {
  it("names SwiftShader from what Chromium's --use-webgpu-adapter=swiftshader reports", () => {
    expect(softwareAdapter({ vendor: 'google', architecture: 'swiftshader', device: '', description: '' })).toBe('SwiftShader');
    expect(softwareAdapter({ description: 'SwiftShader Device (Subzero)' })).toBe('SwiftShader');
  });

  it("names Mesa's and Microsoft's CPU drivers", () => {
    expect(softwareAdapter({ vendor: 'mesa', description: 'llvmpipe (LLVM 15.0.6, 256 bits)' })).toBe('llvmpipe');
    expect(softwareAdapter({ description: 'Vulkan: lavapipe' })).toBe('lavapipe');
    expect(softwareAdapter({ vendor: 'microsoft', description: 'Microsoft Basic Render Driver' })).toBe('Basic Render Driver');
    expect(softwareAdapter({ description: 'Software Adapter' })).toBe('software');
  });

  it('takes isFallbackAdapter alone as software', () => {
    expect(softwareAdapter({ isFallbackAdapter: true })).toBe('a fallback adapter');
    expect(softwareAdapter({ vendor: 'acme', architecture: 'x', isFallbackAdapter: true })).toBe('a fallback adapter');
  });

  it('leaves GPUs, and adapters that say nothing, alone', () => {
    expect(softwareAdapter({ vendor: 'nvidia', architecture: 'ada', isFallbackAdapter: false })).toBeNull();
    expect(softwareAdapter({ vendor: 'apple', architecture: 'metal-3', description: 'Apple M2' })).toBeNull();
    expect(softwareAdapter({ vendor: 'intel', architecture: 'gen-12lp' })).toBeNull();
    expect(softwareAdapter({})).toBeNull();
  });
});

describe('SOFTWARE_DEVICE', () => {
  it('matches the WebGL renderer strings of software rasterizers, not GPUs', () => {
    expect(SOFTWARE_DEVICE.test('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)')).toBe(true);
    expect(SOFTWARE_DEVICE.test('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe(true);
    expect(SOFTWARE_DEVICE.test('ANGLE (NVIDIA, NVIDIA GeForce RTX 4090 Direct3D11 vs_5_0 ps_5_0, D3D11)')).toBe(false);
  });
});
