import type { DjangoField } from './fields';
import { defaultTableName } from './names';

/**
 * Django's project state, as the migrations read so far leave it: which models
 * exist, their tables, fields and options. Column names, types and what an
 * AlterField changes all depend on it.
 */
export interface DjangoModel {
  app: string;
  /** The model name as written (`OrderLine`). */
  name: string;
  table: string;
  /** `db_table` was given: renaming the model keeps the table. */
  explicitTable: boolean;
  fields: DjangoField[];
  uniqueTogether: string[][];
  indexTogether: string[][];
  /** `Meta.indexes` and `Meta.constraints` by name; `asIndex`: a constraint Django builds as a unique index. */
  indexes: string[];
  constraints: Array<{ name: string; asIndex: boolean }>;
  /** `managed = False` and proxy models have no table of their own. */
  hasTable: boolean;
  /** Not defined by the migrations read (Django's own apps, apps not found): assumed from its name. */
  assumed?: boolean;
}

export function modelKey(app: string, name: string): string {
  return `${app}.${name.toLowerCase()}`;
}

/** Tables of Django's own apps, whose migrations are not in a project. */
const BUILT_IN_MODELS: Record<string, { table: string; pk: Partial<DjangoField> }> = {
  'auth.user': { table: 'auth_user', pk: { type: { name: 'int4', modifiers: [], isArray: false }, typeKey: 'int4' } },
  'auth.group': { table: 'auth_group', pk: { type: { name: 'int4', modifiers: [], isArray: false }, typeKey: 'int4' } },
  'auth.permission': { table: 'auth_permission', pk: { type: { name: 'int4', modifiers: [], isArray: false }, typeKey: 'int4' } },
  'contenttypes.contenttype': { table: 'django_content_type', pk: { type: { name: 'int4', modifiers: [], isArray: false }, typeKey: 'int4' } },
  'sites.site': { table: 'django_site', pk: { type: { name: 'int4', modifiers: [], isArray: false }, typeKey: 'int4' } },
  'admin.logentry': { table: 'django_admin_log', pk: { type: { name: 'int4', modifiers: [], isArray: false }, typeKey: 'int4' } },
  'sessions.session': { table: 'django_session', pk: { column: 'session_key', type: { name: 'varchar', modifiers: [40], isArray: false }, typeKey: 'varchar(40)' } },
};

export class DjangoState {
  readonly models = new Map<string, DjangoModel>();
  /** Tables created by squashed migrations, which run only on new databases: new for the squashed migrations after them. */
  readonly freshTables = new Set<string>();

  clone(): DjangoState {
    const copy = new DjangoState();
    for (const table of this.freshTables) copy.freshTables.add(table);
    for (const [key, model] of this.models) {
      copy.models.set(key, {
        ...model,
        fields: [...model.fields],
        uniqueTogether: [...model.uniqueTogether],
        indexTogether: [...model.indexTogether],
        indexes: [...model.indexes],
        constraints: [...model.constraints],
      });
    }
    return copy;
  }

  /** The models of one app, as they are now (for a branch of the app's history that goes on later). */
  snapshotApp(app: string): DjangoModel[] {
    return [...this.models.values()].filter((model) => model.app === app).map((model) => ({ ...model, fields: [...model.fields] }));
  }

  /** Puts an app's models back as a snapshot had them. */
  restoreApp(app: string, snapshot: readonly DjangoModel[]): void {
    for (const [key, model] of this.models) if (model.app === app && !model.assumed) this.models.delete(key);
    for (const model of snapshot) this.models.set(modelKey(model.app, model.name), { ...model, fields: [...model.fields] });
  }

  get(key: string): DjangoModel | undefined {
    return this.models.get(key);
  }

  /** The key of the model a reference names, seen from `app` (`"Order"`, `"shop.Order"`, `settings.AUTH_USER_MODEL`, `"self"`). */
  resolve(reference: string, app: string, self?: string): string {
    if (reference === 'self' && self) return self;
    if (/(^|\.)AUTH_USER_MODEL$/.test(reference)) return this.userModel();
    const dot = reference.lastIndexOf('.');
    return dot < 0 ? modelKey(app, reference) : modelKey(reference.slice(0, dot).split('.').pop() ?? app, reference.slice(dot + 1));
  }

  /** `settings.AUTH_USER_MODEL` is not known statically: a project model named User if there is exactly one, else Django's. */
  private userModel(): string {
    const users = [...this.models.values()].filter((model) => model.name.toLowerCase() === 'user' && model.app !== 'auth' && !model.assumed);
    return users.length === 1 ? modelKey(users[0].app, users[0].name) : 'auth.user';
  }

  /** The model, or a stand-in for one whose migrations were not read (Django's own apps, third-party apps). */
  modelOrAssumed(key: string): DjangoModel {
    const known = this.models.get(key);
    if (known) return known;
    const [app, name] = key.split('.');
    const builtIn = BUILT_IN_MODELS[key];
    const pk: DjangoField = {
      name: 'id',
      fieldClass: 'AutoField',
      column: 'id',
      explicitColumn: false,
      typeKey: '?pk',
      null: false,
      primaryKey: true,
      unique: false,
      dbIndex: false,
      hasEffectiveDefault: false,
      identity: true,
      generated: false,
      check: false,
      signature: '',
      ...builtIn?.pk,
    };
    return {
      app,
      name,
      table: builtIn?.table ?? defaultTableName(app, name),
      explicitTable: false,
      fields: [pk],
      uniqueTogether: [],
      indexTogether: [],
      indexes: [],
      constraints: [],
      hasTable: true,
      assumed: true,
    };
  }

  /** Models with a field that points at `key` (ForeignKey and OneToOne), for changes that cascade to them. */
  referencing(key: string, app: (model: DjangoModel) => string = (model) => model.app): Array<{ model: DjangoModel; field: DjangoField }> {
    const found: Array<{ model: DjangoModel; field: DjangoField }> = [];
    for (const model of this.models.values()) {
      for (const field of model.fields) {
        if (field.relation?.kind === 'foreignKey' && this.resolve(field.relation.to, app(model), modelKey(model.app, model.name)) === key) {
          found.push({ model, field });
        }
      }
    }
    return found;
  }
}

export function primaryKeyOf(model: DjangoModel): DjangoField | undefined {
  return model.fields.find((field) => field.primaryKey) ?? model.fields.find((field) => field.name === 'id');
}

export function fieldOf(model: DjangoModel, name: string): DjangoField | undefined {
  const lower = name.toLowerCase();
  return model.fields.find((field) => field.name.toLowerCase() === lower);
}
