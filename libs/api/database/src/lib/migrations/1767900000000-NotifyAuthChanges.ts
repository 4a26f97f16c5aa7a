import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every change of an account or a session is announced to every API instance (issue 20): triggers on `app_user`
 * and `user_session` NOTIFY at commit (`wegweiser_account` with the account id, `wegweiser_session` with md5 of the
 * session id), so an instance that remembers either for a few seconds evicts it at once — a deactivated account or
 * an ended session stops working everywhere within the time a notification takes. A session's data changing or the
 * session ending is announced; the rolling expiry moving on (`touch`, an UPDATE of `expire` only) is not: it changes
 * nothing an instance remembers.
 */
export class NotifyAuthChanges1767900000000 implements MigrationInterface {
  name = 'NotifyAuthChanges1767900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION notify_account_change() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
      BEGIN
        PERFORM pg_notify('wegweiser_account', OLD.id::text);
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER app_user_notify_change AFTER UPDATE OR DELETE ON app_user
        FOR EACH ROW EXECUTE FUNCTION notify_account_change()`);
    await queryRunner.query(`
      CREATE FUNCTION notify_session_change() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
      BEGIN
        PERFORM pg_notify('wegweiser_session', md5(OLD.sid));
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER user_session_notify_change AFTER UPDATE OF sess OR DELETE ON user_session
        FOR EACH ROW EXECUTE FUNCTION notify_session_change()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER user_session_notify_change ON user_session`);
    await queryRunner.query(`DROP FUNCTION notify_session_change()`);
    await queryRunner.query(`DROP TRIGGER app_user_notify_change ON app_user`);
    await queryRunner.query(`DROP FUNCTION notify_account_change()`);
  }
}
