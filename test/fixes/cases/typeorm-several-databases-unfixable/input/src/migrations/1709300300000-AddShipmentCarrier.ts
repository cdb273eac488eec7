import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

export class AddShipmentCarrier1709300300000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    const type = queryRunner.connection.options.type === 'postgres' ? 'text' : 'varchar';
    await queryRunner.addColumn('shipments', new TableColumn({ name: 'carrier', type, isNullable: true }));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('shipments', 'carrier');
  }
}
