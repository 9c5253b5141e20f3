import { describe, expect, it } from 'vitest';
import { currentStoreShapes } from '../../bench/indexeddb-floor';

describe('currentStoreShapes', () => {
  it("turns Dexie's declarations into stores and indexes", () => {
    const shapes = Object.fromEntries(currentStoreShapes().map((shape) => [shape.name, shape]));
    expect(shapes.people).toEqual({ name: 'people', keyPath: 'email', indexes: [] });
    expect(shapes.assignments!.indexes).toContainEqual({
      name: '[personEmail+projectId]',
      keyPath: ['personEmail', 'projectId'],
      unique: true,
      multiEntry: false,
    });
    expect(shapes.actionItems!.indexes).toContainEqual({
      name: '[open+due+createdAt]',
      keyPath: ['open', 'due', 'createdAt'],
      unique: false,
      multiEntry: false,
    });
    expect(shapes.doneActionItems).toEqual({
      name: 'doneActionItems',
      keyPath: ['personEmail', 'year'],
      indexes: [
        { name: 'year', keyPath: 'year', unique: false, multiEntry: false },
        { name: 'ids.length', keyPath: 'ids.length', unique: false, multiEntry: false },
      ],
    });
  });
});
