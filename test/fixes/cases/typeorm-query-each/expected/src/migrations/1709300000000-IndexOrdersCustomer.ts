import { MigrationInterface, QueryRunner } from 'typeorm';

export class IndexOrdersCustomer1709300000000 implements MigrationInterface {
    transaction = false;

    name = 'IndexOrdersCustomer1709300000000';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("SET lock_timeout = '2s'");
        await queryRunner.query(`CREATE INDEX CONCURRENTLY "IDX_orders_customer" ON "orders" ("customer_id") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IDX_orders_customer"`);
    }
}
