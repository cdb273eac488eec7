import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

export class IndexOrdersPlacedAt1709300100000 implements MigrationInterface {
  transaction = false;

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("SET lock_timeout = '2s'");
    await queryRunner.createIndex(
      'orders',
      new TableIndex({
        name: 'IDX_orders_placed_at',
        columnNames: ['placed_at'],
        isConcurrent: true,
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('orders', 'IDX_orders_placed_at');
  }
}
