import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

type PageHeadingProps = {
  title: string;
  description?: ReactNode;
  extra?: ReactNode;
};

export function PageHeading({ title, description, extra }: PageHeadingProps) {
  return (
    <Flex justify="space-between" align="flex-start" gap={16} style={{ marginBottom: 20 }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {description ? (
          <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0' }}>
            {description}
          </Typography.Paragraph>
        ) : null}
      </div>
      {extra ? (
        <Flex align="center" gap={8}>
          {extra}
        </Flex>
      ) : null}
    </Flex>
  );
}
