export * from './expr';
export * from './service';
export * from './template';
export * from './trigger';
export * from './subscription';
export * from './notifications-config';
export * from './catalog';
