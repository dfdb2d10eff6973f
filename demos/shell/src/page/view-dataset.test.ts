import { describe, expect, it } from 'vitest';
import { ViewDataset } from './view-dataset';

describe('ViewDataset', () => {
  it("removes the previous view's keys that the next view lacks, and leaves the page's own keys alone", () => {
    const body: Record<string, string | undefined> = { step: '12' };
    const view = new ViewDataset(body);
    view.show({ modes: '{"a":1}', heatmapProbe: '{"side":48}' });
    expect(body).toEqual({ step: '12', modes: '{"a":1}', heatmapProbe: '{"side":48}' });
    // The heatmap turned off: its probe goes, the modes are updated.
    view.show({ modes: '{"a":2}' });
    expect(body).toEqual({ step: '12', modes: '{"a":2}' });
    // A view without a dataset removes what the last one set, and a key comes back when a view sends it again.
    view.show(undefined);
    expect(body).toEqual({ step: '12' });
    view.show({ heatmapProbe: '{}' });
    expect(body).toEqual({ step: '12', heatmapProbe: '{}' });
  });
});
