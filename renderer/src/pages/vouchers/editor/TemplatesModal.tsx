import { DeleteOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Input, Modal, Typography } from 'antd';
import { useState, type KeyboardEvent } from 'react';
import type { DraftLine, VoucherTemplate } from '../../../../../shared/vouchers/voucher-drafts';
import { bridge, errorMessage, unwrap } from '../../../bridge';
import { useTemplates, voucherKeys } from '../voucherQueries';
import { filledLines } from './editorModel';
import { PickerList } from './PickerList';

export interface TemplatesModalProps {
  accountSetId: string;
  open: boolean;
  /** The editor's lines, for 存为模板. */
  lines: readonly DraftLine[];
  onClose: () => void;
  onApply: (template: VoucherTemplate) => void;
}

/**
 * 常用凭证 (F4): 从模板生成 — type to filter, arrows, Enter — and 存为模板 from the editor's lines,
 * kept per account set in main's cache.
 */
export function TemplatesModal({ accountSetId, open, lines, onClose, onApply }: TemplatesModalProps) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const templates = useTemplates(accountSetId);
  const [filter, setFilter] = useState('');
  const [active, setActive] = useState(0);
  const [name, setName] = useState('');
  const items = (templates.data?.templates ?? []).filter((t) => t.name.includes(filter.trim()));
  const toSave = filledLines(lines);

  const save = useMutation({
    mutationFn: async () => unwrap(await bridge.saveVoucherTemplate({ accountSetId, name, lines: toSave })),
    onSuccess: (template) => {
      void queryClient.invalidateQueries({ queryKey: voucherKeys.templates(accountSetId) });
      void message.success(`已存为模板「${template.name}」`);
      setName('');
    },
  });
  const remove = useMutation({
    mutationFn: async (id: number) => unwrap(await bridge.deleteVoucherTemplate({ accountSetId, id })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: voucherKeys.templates(accountSetId) }),
  });

  function onFilterKey(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (items.length > 0)
        setActive((a) => (a + (event.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const template = items[active];
      if (template) onApply(template);
    }
  }

  return (
    <Modal
      open={open}
      title="凭证模板（常用凭证）"
      footer={null}
      onCancel={onClose}
      destroyOnHidden
      width={560}
    >
      <Flex vertical gap={12}>
        <Typography.Text strong>从模板生成</Typography.Text>
        <div>
          <Input
            autoFocus
            placeholder="输入模板名称筛选，↑↓ 选择，Enter 生成"
            value={filter}
            onChange={(e) => {
              setFilter(e.target.value);
              setActive(0);
            }}
            onKeyDown={onFilterKey}
            aria-label="筛选模板"
            data-testid="template-filter"
          />
          <PickerList
            id="template-list"
            inline
            testId="template-list"
            items={items}
            active={active}
            itemKey={(t) => String(t.id)}
            onPick={(index) => {
              const template = items[index];
              if (template) onApply(template);
            }}
            render={(t) => (
              <Flex justify="space-between" align="center" gap={8}>
                <span>
                  {t.name} <Typography.Text type="secondary">· {t.lines.length} 行</Typography.Text>
                </span>
                <Button
                  size="small"
                  type="text"
                  icon={<DeleteOutlined />}
                  aria-label={`删除模板 ${t.name}`}
                  onMouseDown={(e) => {
                    e.stopPropagation();
                    e.preventDefault();
                    remove.mutate(t.id);
                  }}
                />
              </Flex>
            )}
            empty={templates.isPending ? '正在读取…' : '还没有模板：在下方把当前凭证存为模板'}
          />
        </div>
        <Typography.Text strong>存为模板</Typography.Text>
        <Flex gap={8}>
          <Input
            placeholder="模板名称，如「报销办公费」"
            value={name}
            maxLength={40}
            onChange={(e) => setName(e.target.value)}
            onPressEnter={() => name.trim() && toSave.length > 0 && save.mutate()}
            aria-label="模板名称"
            data-testid="template-name"
          />
          <Button
            onClick={() => save.mutate()}
            disabled={name.trim() === '' || toSave.length === 0}
            loading={save.isPending}
          >
            存为模板
          </Button>
        </Flex>
        {toSave.length === 0 ? <Typography.Text type="secondary">当前凭证还没有分录</Typography.Text> : null}
        {save.isError ? <Alert type="error" showIcon title={errorMessage(save.error)} /> : null}
      </Flex>
    </Modal>
  );
}
