import { describe, expect, it } from 'vitest';
import { AssignmentState } from '../vocabulary/vocabularies.js';
import { queueOrder, stateOf } from './queue.js';

const TODAY = '2026-03-10';
const item = (id: string, due: string, completedAt: string | null = null, subjectName = id) => ({ id, due, completedAt, subjectName });

describe('my queue', () => {
  it('gives each assignment its state on the day', () => {
    expect(stateOf(item('a', '2026-03-09'), TODAY)).toBe(AssignmentState.OVERDUE);
    expect(stateOf(item('a', '2026-03-10'), TODAY)).toBe(AssignmentState.DUE_TODAY);
    expect(stateOf(item('a', '2026-03-11'), TODAY)).toBe(AssignmentState.OPEN);
    expect(stateOf(item('a', '2026-03-01', '2026-03-02T10:00:00Z'), TODAY)).toBe(AssignmentState.DONE);
  });

  it('lists overdue first (longest overdue on top), then by due date, done last', () => {
    const items = [
      item('later', '2026-04-01'),
      item('done', '2026-03-01', '2026-03-05T09:00:00Z'),
      item('today', '2026-03-10'),
      item('overdue-1-day', '2026-03-09'),
      item('overdue-9-days', '2026-03-01'),
      item('soon', '2026-03-12'),
    ];
    // Overdue: 03-01 before 03-09; then 03-10 (today), 03-12, 04-01; then the done one.
    expect(queueOrder(items, TODAY).map((i) => i.id)).toEqual(['overdue-9-days', 'overdue-1-day', 'today', 'soon', 'later', 'done']);
  });
});
