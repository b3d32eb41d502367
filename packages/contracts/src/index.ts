export * from './audit/audit.schemas.ts';
export * from './common/common.schemas.ts';
export * from './common/fiscal-year.ts';
export * from './common/pagination.ts';
export * from './identity/identity.schemas.ts';
export * from './permissions.ts';
export * from './policy/policy.schemas.ts';
export * from './roster/roster.schemas.ts';
