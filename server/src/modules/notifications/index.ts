export { createNotificationsRepo, type NotificationsRepo } from './notifications.repo';
export { createNotificationsService, type NotificationsService, type NewNotification, type NotifyOrganisation, type OrganisationNotice } from './notifications.service';
export { notificationsRoutes } from './notifications.routes';
export { createLogMailSender, type MailSender, type MailMessage } from './mail';
