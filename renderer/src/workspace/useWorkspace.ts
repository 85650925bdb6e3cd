import { useContext } from 'react';
import { WorkspaceContext, type Workspace } from './WorkspaceContext';

/** The app-wide account set and period (set in the header, kept by main across restarts). */
export function useWorkspace(): Workspace {
  const workspace = useContext(WorkspaceContext);
  if (!workspace) throw new Error('useWorkspace() 必须在 <WorkspaceProvider> 内使用');
  return workspace;
}
