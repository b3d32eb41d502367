export { NotificationSettingsPage } from './notification-settings-page.tsx';
export { NotificationsPage } from './notifications-page.tsx';
export { UnsubscribePage } from './unsubscribe-page.tsx';
