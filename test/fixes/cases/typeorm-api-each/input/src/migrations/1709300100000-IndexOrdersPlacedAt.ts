import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

export class IndexOrdersPlacedAt1709300100000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex(
      'orders',
      new TableIndex({
        name: 'IDX_orders_placed_at',
        columnNames: ['placed_at'],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('orders', 'IDX_orders_placed_at');
  }
}
